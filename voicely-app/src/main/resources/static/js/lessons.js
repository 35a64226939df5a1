// Copy buttons for the join link and the calendar subscription URL: <button data-copy="#input-id">.
for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
        const input = document.querySelector(button.dataset.copy);
        if (!input) {
            return;
        }
        input.select();
        try {
            await navigator.clipboard.writeText(input.value);
            button.textContent = button.dataset.copied;
        } catch {
            // Without clipboard permission the text stays selected, ready for the user to copy.
        }
    });
}
